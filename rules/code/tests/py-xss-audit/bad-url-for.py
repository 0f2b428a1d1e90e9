from flask import Markup, request, url_for


def rendered(ct, name, item):
    src = url_for("files.download", name=name)
    if ct == "player":
        # ruleid: code/py-xss-audit
        return Markup('<player src="%s" title="%s">' % (src, item.meta["filename"]))
    if ct == "external":
        link = url_for("files.download", name=name, _external=True)
        # ruleid: code/py-xss-audit
        return Markup('<a href="%s">download</a>' % link)
    if ct == "quoted":
        # ruleid: code/py-xss-audit
        return Markup("<a href='%s'>download</a>" % src)
    target = url_for("files.inline", name=name)
    if request.args.get("next"):
        target = request.args["next"]
    # ruleid: code/py-xss-audit
    return Markup('<a href="%s">open</a>' % target)
