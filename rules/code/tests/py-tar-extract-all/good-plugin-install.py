import tarfile
from urllib.request import urlopen


class RepoManager:
    def install(self, repo_url):
        # A plugin archive unpacked where the bot loads its plugins from: its code runs next anyway.
        fo = urlopen(repo_url)
        tar = tarfile.open(fileobj=fo, mode="r:gz")
        tar.extractall(path=self.plugin_dir)


def install_extension(path, nbextensions_dir):
    archive = tarfile.open(path)
    archive.extractall(nbextensions_dir)
    archive.close()
