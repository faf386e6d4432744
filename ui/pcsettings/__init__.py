"""This PC's settings in the GUI: the administrator's page, and the settings as the screens
that use them (counter, lobby display, printing) read them."""
