from django import template

register = template.Library()


@register.inclusion_tag("components/feedback.html")
def page_feedback(page):
    """The "Var siden nyttig?" form under a library page."""
    from strategy.feedback import FeedbackForm

    return {"library_page": page, "form": FeedbackForm()}
