import sqlalchemy


def run(cursor, query, engine, where):
    # ruleid: code/py-audit-sql-text
    cursor.execute(query)
    # ruleid: code/py-audit-sql-text
    engine.execute(sqlalchemy.text(where))
