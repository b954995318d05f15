using StatsReporting.Decisions;

namespace StatsReporting.Tests.Decisions;

/// Header names, insatser and orsaker are matched by a key that ignores case, å/ä/ö/é and punctuation (spec §2).
public class TextTests
{
    [Theory]
    [InlineData("  Särskilt Boende ", "sarskiltboende")]
    [InlineData("ÅÄÖ åäö é", "aaoaaoe")]
    [InlineData("a b", "ab")]
    [InlineData("a\u00a0b", "ab")]
    [InlineData("a-b", "ab")]
    [InlineData("a–b", "ab")]
    [InlineData("a_b", "ab")]
    [InlineData("a/b", "ab")]
    [InlineData("a,b", "ab")]
    [InlineData("a.b", "ab")]
    [InlineData("a:b", "ab")]
    [InlineData("9 § 4", "94")]
    [InlineData("beslut_id", "beslutid")]
    public void Key_is_lower_case_without_accents_spaces_or_punctuation(string text, string key) => Assert.Equal(key, Text.Key(text));
}
