"""Discord-free answering: a request and a database session in, plain data (an answer) out."""
