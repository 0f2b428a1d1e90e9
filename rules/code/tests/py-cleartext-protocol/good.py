import ftplib
import smtplib

ftp = ftplib.FTP_TLS("ftp.example.com")
ftp.prot_p()
mail = smtplib.SMTP("mail.example.com", 587)
mail.starttls()
secure = smtplib.SMTP_SSL("mail.example.com", 465)
