import os
from flask import Flask
from werkzeug.serving import run_simple

app = Flask(__name__)

if __name__ == "__main__":
    # ruleid: debug.flask-debug
    app.run(host="0.0.0.0", port=8080, debug=True)

# ruleid: debug.flask-debug
run_simple("0.0.0.0", 5000, app, use_debugger=True, use_reloader=True)

# ok: debug.flask-debug
app.run(debug=os.environ.get("FLASK_DEBUG") == "1")
# ok: debug.flask-debug
app.run(debug=False)
# ok: debug.flask-debug
logging.basicConfig(level=logging.DEBUG)
# ok: debug.flask-debug
pipeline.run(verbose=True)

# ruleid: debug.flask-app-debug
app.debug = True
# ruleid: debug.flask-app-debug
app.config["DEBUG"] = True
# ok: debug.flask-app-debug
app.config["TESTING"] = True
# ok: debug.flask-app-debug
logger.debug = True
# ok: debug.flask-app-debug
DEBUG = True
