def timeline_history(cur, local_timeline):
    cur.execute("IDENTIFY_SYSTEM")
    primary_timeline = cur.fetchone()[1]
    if local_timeline > primary_timeline:
        return True
    elif primary_timeline > 1:
        # Ordered against an integer just above: a number (text would raise TypeError).
        cur.execute("TIMELINE_HISTORY {0}".format(primary_timeline))
        return cur.fetchone()[1]
    return False


def recent(cur, days):
    if days >= 0:
        cur.execute(f"SELECT id FROM events WHERE age < {days}")
    return cur.fetchall()
