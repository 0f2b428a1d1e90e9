"""Jinja environments that render text files, not pages: e-mails, SQL, configuration."""

from jinja2 import Environment, PackageLoader

# Only .txt, .sql and .conf templates are loaded in this module; HTML escaping would corrupt them.
mail_env = Environment(loader=PackageLoader("notifier", "mail"))


def welcome_mail(user_name, link):
    return mail_env.get_template("welcome.txt").render(name=user_name, link=link)


def migration(table):
    return mail_env.get_template("create_table.sql").render(table=table)


def proxy_config(upstream):
    return mail_env.get_template("proxy.conf.j2").render(upstream=upstream)
