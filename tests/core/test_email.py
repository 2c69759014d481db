"""E-mail reaches people: password resets and workflow notifications are sent, and EMAIL_URL from
the environment really sends through an SMTP server (a real one, aiosmtpd, on loopback)."""

import socket

from django.contrib.auth import get_user_model
from django.core import mail

import pytest
from aiosmtpd.controller import Controller

from strategy.governance import EDITORS, REVIEWERS
from tests.config.test_settings import SECRET, run_manage
from tests.conftest import page_by_ref
from tests.strategy.test_governance import member

pytestmark = pytest.mark.django_db


def test_a_password_reset_is_sent_by_email(client):
    get_user_model().objects.create_user("redaktoer", "redaktoer@example.org", "gammelt")
    response = client.post("/admin/password_reset/", {"email": "redaktoer@example.org"})
    assert response.status_code == 302
    (message,) = mail.outbox
    assert message.to == ["redaktoer@example.org"]
    assert "/admin/password_reset/confirm/" in message.body


def test_a_change_submitted_for_review_is_announced_to_the_reviewers(
    django_capture_on_commit_callbacks,
):
    editor, reviewer = member(EDITORS), member(REVIEWERS, "reviewer")
    reviewer.email = "reviewer@example.org"
    reviewer.save()
    method = page_by_ref("M13")
    method.summary = "En ændring, der skal godkendes."
    revision = method.save_revision(user=editor)
    with django_capture_on_commit_callbacks(execute=True):
        method.get_workflow().start(method, editor)
    assert revision.pk
    sent = [m for m in mail.outbox if "reviewer@example.org" in m.to]
    assert sent, [m.subject for m in mail.outbox]
    assert method.title in sent[0].subject


class Inbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append((envelope.rcpt_tos, envelope.content.decode()))
        return "250 OK"


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_email_url_sends_through_a_real_smtp_server():
    inbox, port = Inbox(), _free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        result = run_manage(
            "sendtestemail",
            "vagt@example.org",
            SECRET_KEY=SECRET,
            ALLOWED_HOSTS="metodebiblioteket.dk",
            EMAIL_URL=f"smtp://127.0.0.1:{port}",
            DEFAULT_FROM_EMAIL="Metodebiblioteket <noreply@example.org>",
        )
    finally:
        controller.stop()
    assert result.returncode == 0, result.stderr
    ((recipients, content),) = inbox.messages
    assert recipients == ["vagt@example.org"]
    assert "From: Metodebiblioteket <noreply@example.org>" in content
