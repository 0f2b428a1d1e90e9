import os
import subprocess


def connect(host, password):
    env = dict(os.environ, SSHPASS=password)
    subprocess.run(["sshpass", "-e", "ssh", host], env=env, check=True)
    subprocess.run(["ssh", "-p", "22", host], check=True)
    p = subprocess.Popen(["docker", "login", "--username", "ci", "--password-stdin"], stdin=subprocess.PIPE)
    p.communicate(password.encode())
    subprocess.run(["tool", "--password", "--prompt"])
    return "Use --password=<value> to set it"
