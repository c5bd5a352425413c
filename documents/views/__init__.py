"""The documents pages: pieces (a convention's PDFs, the clause templates) and signature
(the signature circuit, its signers' pages, the signed copies)."""
