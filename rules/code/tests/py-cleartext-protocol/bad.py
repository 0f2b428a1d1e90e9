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
