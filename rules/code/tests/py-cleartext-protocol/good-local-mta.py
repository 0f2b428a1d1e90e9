import smtplib

# The mail server on this machine: smtplib's defaults are localhost, port 25.
def notify_local(sender, to, msg):
    smtp = smtplib.SMTP()
    smtp.connect()
    smtp.sendmail(sender, to, msg)
    smtp.quit()


def notify_localhost(sender, to, msg):
    local = smtplib.SMTP("localhost", 25)
    local.sendmail(sender, to, msg)
