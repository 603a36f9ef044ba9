"""Other libraries' messages, worded as the rest of the site in Swedish.

django-allauth's Swedish says "epost-adress" and "verifiera" where the site says "e-postadress"
and "bekräfta"; taggit's and django-axes' admin texts have no Swedish at all. Our catalogue
(LOCALE_PATHS) is read before the libraries' own, so a message listed here and translated in
locale/sv wins. Nothing imports this module: it is here so that makemessages keeps these.
"""

from django.utils.translation import gettext_noop

LIBRARY_MESSAGES = [
    # allauth: messages, form errors and admin names that visitors and editors see.
    gettext_noop("Confirmation email sent to %(email)s."),
    gettext_noop("You have confirmed %(email)s."),
    gettext_noop("The email address and/or password you specified are not correct."),
    gettext_noop("A user is already registered with this email address."),
    gettext_noop("Your primary email address must be verified."),
    gettext_noop("Email"),
    gettext_noop("Email address"),
    gettext_noop("email address"),
    gettext_noop("email addresses"),
    gettext_noop("verified"),
    gettext_noop("Mark selected email addresses as verified"),
    gettext_noop("email confirmation"),
    gettext_noop("email confirmations"),
    # taggit: the help under every article's tags in the admin.
    gettext_noop("A comma-separated list of tags."),
    # django-axes: the login lockout's records in the admin.
    gettext_noop("access attempt"),
    gettext_noop("access attempts"),
    gettext_noop("access failure"),
    gettext_noop("access failures"),
    gettext_noop("access log"),
    gettext_noop("access logs"),
    gettext_noop("access attempt expiration"),
    gettext_noop("access attempt expirations"),
]
