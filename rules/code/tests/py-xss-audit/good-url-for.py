from flask import Markup, url_for


def rendered(ct, name):
    if ct.startswith("image/"):
        src = url_for("files.download", name=name)
        content = Markup('<img src="%s" alt="the image">' % src)
    elif ct.startswith("audio/"):
        src = url_for("files.download", name=name)
        alt_msg = "html5 audio element not supported by your browser."
        content = Markup('<audio controls src="%s">%s</audio>' % (src, alt_msg))
    else:
        src = url_for("files.inline", name=name)
        content = Markup('<a href="%s">%s</a>' % (src, "Click to see PDF"))
    return content
