"""One calendar widget for both sides: the provider's calendar and the client's own."""

from .layout import CalendarMode
from .view import CalendarView, ClientCalendar, ProviderCalendar, RowSource

__all__ = ["CalendarMode", "CalendarView", "ClientCalendar", "ProviderCalendar", "RowSource"]
