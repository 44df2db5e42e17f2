#!/usr/bin/env python3
"""Write load for the durability test: THREADS hotline operators record calls as fast as the
server answers, each appending the ticket number of every call answered 2xx to ACKED (one line,
flushed, per acknowledged write) until the server goes away.

    write_load.py PORT USER PASSWORD VILLAGE ACKED [THREADS]
"""
import http.client
import json
import sys
import threading

port, user, password, village, acked_path = sys.argv[1:6]
threads = int(sys.argv[6]) if len(sys.argv) > 6 else 4
lock = threading.Lock()
acked = open(acked_path, "a", buffering=1)


def login():
    connection = http.client.HTTPConnection("127.0.0.1", int(port), timeout=10)
    body = json.dumps({"username": user, "password": password})
    connection.request("POST", "/api/v1/session", body, {"Content-Type": "application/json"})
    response = connection.getresponse()
    payload = json.loads(response.read() or b"{}")
    if response.status != 200:
        raise RuntimeError("login %d %s" % (response.status, payload))
    cookie = response.getheader("Set-Cookie").split(";")[0]
    return connection, {"Cookie": cookie, "X-CSRF-Token": payload["csrf_token"],
                        "Content-Type": "application/json"}


def work(number):
    try:
        connection, headers = login()
        count = 0
        while True:
            count += 1
            body = json.dumps({"caller_name": "张三", "caller_phone": "13912345678",
                               "subject_name": "向德明", "village": village, "category": "living",
                               "content": "durability %d-%d" % (number, count)})
            connection.request("POST", "/api/v1/hotline/tickets", body, headers)
            response = connection.getresponse()
            payload = response.read()
            if 200 <= response.status < 300:
                with lock:
                    acked.write(json.loads(payload)["ticket_no"] + "\n")
            elif response.status >= 500:
                return
    except (OSError, http.client.HTTPException, RuntimeError, ValueError):
        return  # the server was killed


workers = [threading.Thread(target=work, args=(n,)) for n in range(threads)]
for worker in workers:
    worker.start()
for worker in workers:
    worker.join()
