// TextLayout: to be written.
