from flask import Flask, render_template, request

app = Flask(__name__)


@app.route("/")
def home():
    return render_template("motd.html", motd=app.config["MOTD"])


@app.route("/motd", methods=["POST"])
def set_motd():
    app.config.update(MOTD=request.form["text"])
    return "ok"
