"""Students' uploads: photos of paper work and voice recordings.

Plain functions, no HTTP: a form or view calls them and stores the result in
the private storage.

- `process_photo(file) -> ProcessedImage`: a clean, re-encoded JPEG (no EXIF,
  no GPS, no ICC, no XMP), orientation applied, at most 1600 px a side.
- `check_audio(file) -> AudioInfo`: the type sniffed from the bytes and the
  duration where it can be read; the claimed name and content type are ignored.
- `private_storage()`: the storage for both (never under a public URL);
  `private_name(extension)` a random name for a stored file.
- `private_file_response(file, filename=..., content_type=...)`: the response a
  permission-checked view returns.

Each refusal raises `UploadRejected`, a `ValidationError` with a translated
message and a `code` (wrong_type, too_large, too_many_pixels, too_long, unreadable).
"""
