from flask import current_app, request


def save_settings():
    # Whoever reaches this form sets any setting, the page's markup included.
    for key, value in request.form.items():
        current_app.config[key.upper()] = value
    return "saved"
