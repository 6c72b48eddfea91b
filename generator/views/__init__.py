"""Views: what each page, feed and API file shows, computed from the model for one audience.

Views import only the model. They hold no markup; renderers turn them into files.
"""
