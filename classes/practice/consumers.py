"""A practice group's chat socket: the class chat's consumer, protocol and
guarantees, in the group's room (classes/practice/rooms.py decides who reads)."""

from classes.chat.consumers import ChatConsumer
from classes.chat.rooms import may_read
from classes.practice.rooms import find_practice_room


class PracticeChatConsumer(ChatConsumer):
    def readable_room(self, kwargs):
        room = find_practice_room(kwargs["practice_id"])
        if room is None or not may_read(self.user, room):
            return None
        return room
