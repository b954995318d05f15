namespace StatsReporting.Workbooks;

/// Advance widths of Calibri (and of Carlito, its metric-compatible stand-in that LibreOffice prints with), in
/// thousandths of an em, read from Carlito's hmtx table: ' ' to '~' (95 characters), then a few Swedish letters and
/// signs. Other characters count as 0.55 em (wider than most, so a guess errs on the side of one more line).
internal static class CalibriWidths
{
    private static readonly short[] Regular =
    [
        226, 326, 401, 498, 507, 715, 682, 221, 303, 303, 498, 498, 250, 306, 252, 386, 507, 507, 507, 507, 507, 507,
        507, 507, 507, 507, 268, 268, 498, 498, 498, 463, 894, 579, 544, 533, 615, 488, 459, 631, 623, 252, 319, 520,
        420, 855, 646, 662, 517, 673, 543, 459, 487, 642, 567, 890, 519, 487, 468, 307, 386, 307, 498, 498, 291, 479,
        525, 423, 525, 498, 305, 471, 525, 229, 239, 455, 229, 799, 525, 527, 525, 525, 349, 391, 335, 525, 452, 715,
        433, 453, 395, 314, 460, 314, 498,
    ];

    private static readonly short[] Bold =
    [
        226, 326, 438, 498, 507, 729, 705, 233, 312, 312, 498, 498, 258, 306, 267, 430, 507, 507, 507, 507, 507, 507,
        507, 507, 507, 507, 276, 276, 498, 498, 498, 463, 898, 606, 561, 529, 630, 488, 459, 637, 631, 267, 331, 547,
        423, 874, 659, 676, 532, 686, 563, 473, 495, 653, 591, 906, 551, 520, 478, 325, 430, 325, 498, 498, 300, 494,
        537, 418, 537, 503, 316, 474, 537, 246, 255, 480, 246, 813, 537, 538, 537, 537, 355, 399, 347, 537, 473, 745,
        459, 474, 397, 344, 475, 344, 498,
    ];

    private const string Others = "åäöÅÄÖéü–§×";
    private static readonly short[] OthersRegular = [479, 479, 527, 579, 579, 662, 498, 525, 498, 498, 498];
    private static readonly short[] OthersBold = [494, 494, 538, 606, 606, 676, 503, 537, 498, 498, 498];

    public static int Of(char c, bool bold)
    {
        if (c is >= ' ' and <= '~') return (bold ? Bold : Regular)[c - ' '];
        if (c == '\u00a0') return (bold ? Bold : Regular)[0];
        var i = Others.IndexOf(c);
        return i >= 0 ? (bold ? OthersBold : OthersRegular)[i] : 550;
    }
}
