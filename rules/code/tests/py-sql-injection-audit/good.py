from sqlalchemy import text

QUERY = "SELECT * FROM users WHERE name = %s"


def find_user(cursor, name):
    cursor.execute("SELECT * FROM users WHERE name = %s", (name,))
    cursor.execute(QUERY, [name])
    cursor.execute("SELECT count(*) FROM users")


def orm(session, User, order):
    session.execute(text("SELECT * FROM users WHERE id = :id"), {"id": order})
    return User.objects.raw("SELECT * FROM auth_user WHERE username = %s", [order])


def unrelated(executor, job):
    executor.execute(f"job {job}")
