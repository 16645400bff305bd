"""What the new-post scaffold writes as placeholders, so that validation can tell a post nobody finished."""

TEMPLATE_BODY = (
    "Tulis isi pos di sini. Pisahkan paragraf dengan satu baris kosong.\n\n"
    "Ceritakan apa, di mana, kapan, dan mengapa menarik. Sebut sumber untuk setiap angka atau klaim.\n"
)
PLACEHOLDER_PHOTO_MARK = b"etalase:foto-sementara"
"""Written into the scaffold's placeholder cover photo (a JPEG comment), so the check can tell it apart."""
