import subprocess


def connect(host, password):
    # ruleid: code/py-password-in-argv
    subprocess.run(["sshpass", "-p", password, "ssh", host], check=True)
    # ruleid: code/py-password-in-argv
    subprocess.run(f"sshpass -p {password} ssh {host} uptime", shell=True)
    # ruleid: code/py-password-in-argv
    subprocess.run("sshpass -p '%s' ssh %s" % (password, host), shell=True)


def dump(db):
    # ruleid: code/py-password-in-argv
    subprocess.check_call(("mysqldump", "--password", db.password, db.name))
    # ruleid: code/py-password-in-argv
    subprocess.check_call(["pg_dump", f"--password={db.password}", db.name])


def interactive(host, password):
    import pexpect

    # ruleid: code/py-password-in-argv
    return pexpect.spawn("sshpass", ["-p", password, "ssh", host])
