"""Notices: telling people what happened without their opening Harbor first.
`services.notify` writes them (in the caller's transaction), `kinds` words
them, `mail` and `tasks` email them through the outbox; docs/notices.md."""
