"""What the site runs on and knows no content of: client addresses, rate limits, bad input."""
