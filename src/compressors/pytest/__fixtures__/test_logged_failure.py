"""A queue client whose tests fail after logging the exception they caught (pytest shows it under "Captured stderr")."""
import traceback


class Broker:
    def __init__(self):
        self.sent = []

    def publish(self, topic, payload):
        if not topic:
            raise ValueError("topic must not be empty")
        self.sent.append((topic, payload))
        return len(self.sent)


def publish_all(broker, messages):
    published = 0
    for topic, payload in messages:
        try:
            published = broker.publish(topic, payload)
        except ValueError:
            traceback.print_exc()
    return published


def test_publish_all_counts_every_message():
    broker = Broker()
    assert publish_all(broker, [("orders", 1), ("", 2), ("orders", 3)]) == 3


def test_publish_all_keeps_order():
    broker = Broker()
    publish_all(broker, [("a", 1), ("", 2), ("b", 3)])
    assert broker.sent == [("a", 1), ("", 2), ("b", 3)]
