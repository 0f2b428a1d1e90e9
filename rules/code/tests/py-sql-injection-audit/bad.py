from django.db.models.expressions import RawSQL
from sqlalchemy import text


def find_user(cursor, name):
    # ruleid: code/py-sql-injection-audit
    cursor.execute(f"SELECT * FROM users WHERE name = '{name}'")
    # ruleid: code/py-sql-injection-audit
    cursor.execute("SELECT * FROM users WHERE name = '%s'" % name)
    # ruleid: code/py-sql-injection-audit
    cursor.execute("DELETE FROM users WHERE name = '" + name + "'")
    # ruleid: code/py-sql-injection-audit
    cursor.execute("SELECT * FROM users WHERE id = {}".format(name))


def orm(session, User, order):
    # ruleid: code/py-sql-injection-audit
    session.execute(text(f"SELECT * FROM users ORDER BY {order}"))
    # ruleid: code/py-sql-injection-audit
    User.objects.raw("SELECT * FROM auth_user WHERE username = '%s'" % order)
    # ruleid: code/py-sql-injection-audit
    User.objects.annotate(n=RawSQL("SELECT %s" % order, []))
    # ruleid: code/py-sql-injection-audit
    return User.objects.extra(where=["name = '%s'" % order])
