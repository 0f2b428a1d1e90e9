import os


def load_tac(basedir):
    # The program's own configuration file, written in Python: loading it runs code from disk, as import
    # does; whoever writes the file already supplies the program's code.
    tac_globals = {"__file__": os.path.join(basedir, "master.tac")}
    with open(os.path.join(basedir, "master.tac"), encoding="utf-8") as f:
        exec(f.read(), tac_globals)
    return tac_globals


def load_options(directory):
    local = {}
    with open(os.path.join(directory, "options"), "r", encoding="utf-8") as f:
        options = f.read()
    exec(options, local)
    return local


def run_startup(interp):
    startup = os.environ.get("PYTHONSTARTUP")
    if startup:
        with open(startup, "r", encoding="utf-8") as fp:
            interp.runcode(compile(fp.read(), startup, "exec"))


for name in sorted(os.listdir("local_settings.d")):
    with open(os.path.join("local_settings.d", name)) as settings_file:
        exec(settings_file.read())
