import ftplib
import smtplib
import telnetlib

# ruleid: code/py-cleartext-protocol
ftp = ftplib.FTP("ftp.example.com")
# ruleid: code/py-cleartext-protocol
tn = telnetlib.Telnet("router.example.com")
# ruleid: code/py-cleartext-protocol
mail = smtplib.SMTP("mail.example.com", 25)
mail.login("user", pw)


def notify(host, sender, to, msg):
    # ruleid: code/py-cleartext-protocol
    smtp = smtplib.SMTP()
    smtp.connect(host)
    smtp.sendmail(sender, to, msg)


def notify_later(sender, to, msg):
    # Made with no host and connected elsewhere: where it goes is not read here.
    # ruleid: code/py-cleartext-protocol
    smtp = smtplib.SMTP()
    return smtp


def notify_relay(sender, to, msg):
    # ruleid: code/py-cleartext-protocol
    smtp = smtplib.SMTP("localhost")
    smtp.connect("relay.example.com", 25)
    smtp.sendmail(sender, to, msg)
