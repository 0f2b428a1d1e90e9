/**
 * Passwords that appear at the top of every breach corpus, and words people build passwords from.
 * Lower case; leetspeak and trailing digits are normalised away before lookup (see weak-password.ts).
 */
export const COMMON_PASSWORDS: readonly string[] = `
123456 123456789 12345678 12345 1234567 1234567890 111111 000000 123123 654321 666666 121212 112233
7777777 888888 987654321 123321 159753 11111111 696969 131313 222222 555555 999999 101010 147258369
password passw0rd password1 password12 password123 p4ssword pa55word
qwerty qwerty123 qwertyuiop qwert asdfgh asdfghjkl zxcvbnm 1qaz2wsx 1q2w3e4r 1q2w3e4r5t 1q2w3e qazwsx
zaq12wsx zaq1zaq1 q1w2e3r4 abc123 abcd1234 a1b2c3 a1b2c3d4 aa123456 abcabc 123abc iloveyou letmein
welcome welcome1 welcome123 admin admin1 admin123 admin1234 administrator root toor rootroot guest
guest123 user user123 test test1 test123 test1234 tester testing demo demo123 default changeit secret
secret1 secret123 login login123 pass pass123 pass1234 master master123 monkey dragon shadow sunshine
princess football baseball basketball soccer hockey superman batman trustno1 whatever freedom starwars
michael jordan jennifer hunter hunter2 ranger buster thomas robert charlie daniel ashley jessica
hannah andrew joshua matthew michelle nicole summer winter spring autumn fall january february march
april june july august september october november december monday friday sunday love lovely loveme
hello hello123 hellokitty flower flowers cookie chocolate cheese pepper ginger orange banana apple
computer internet google yahoo facebook linkedin microsoft oracle cisco samsung apple123 mustang
ferrari porsche corvette harley yamaha killer hacker access access14 mypass mypassword nopassword
private public server database mysql postgres postgresql redis mongo mongodb oracle123 sa sysadmin
system system123 service support office office123 company company123 business manager staff staff123
student teacher school college family friends friend angel angels baby babygirl jesus god blessed
qwe123 qweasd qweasdzxc asd123 zxc123 1234qwer qwer1234 asdf1234 asdf qwer zxcv 123qwe 123qweasd
passpass letmein1 letmein123 iloveyou1 princess1 monkey1 dragon1 shadow1 master1 sunshine1 football1
secure security changeme1 temp temp123 temppass temporary newpass newpassword mypass123 abc12345
super superuser supervisor operator manager1 maintenance backup backup123 devops developer dev dev123
prod production stage staging jenkins docker kubernetes ubuntu debian centos linux windows raspberry
pi alpine vagrant ansible elastic kibana grafana prometheus rabbitmq guestguest airflow keycloak
tomcat weblogic websphere jboss wildfly postgres123 mysql123 root123 admin2024 admin2025 password2024
password2025 spring2024 summer2024 winter2024 autumn2024 spring2025 summer2025 winter2025 welcome2024
welcome2025 qwerty1 qwerty12 qwerty1234 1qaz2wsx3edc zaq1xsw2 q1w2e3r4t5 1q2w3e4r5t6y asdfgh123
ncc1701 thx1138 matrix cheese123 snoopy pokemon pikachu naruto minecraft fortnite roblox zelda mario
shadow123 killer123 trustme letitbe open opensesame sesame openup abracadabra magic mypc computer1
`
  .split(/\s+/)
  .filter((w) => w !== '');
