BY_ID = "SELECT * FROM users WHERE id = %s"


def run(cursor, user_id, pool, job):
    cursor.execute("SELECT * FROM users WHERE id = %s", (user_id,))
    cursor.execute(BY_ID, (user_id,))
    pool.execute(job)
