from alembic import op

revision = "3f2a1b"
down_revision = "9c8d7e"

TABLES = ("builds", "steps")


def upgrade():
    for table in TABLES:
        op.execute(f"UPDATE {table} SET complete = 0 WHERE complete IS NULL")
