# A module that only mentions migrations: the query runs at request time.
from django.db import connection

MIGRATION_TABLE = "django_migrations"


def applied(app_label):
    with connection.cursor() as cursor:
        # ruleid: code/py-sql-injection-audit
        cursor.execute(f"SELECT name FROM {MIGRATION_TABLE} WHERE app = '{app_label}'")
        return cursor.fetchall()


class Migration:
    revision = "a"
