"""Device loans: laptops, tablets and hotspots the program lends to students
who have none (docs/loans.md)."""
