namespace SocialPrescribing.Plugins.Tests;

public sealed class SdkVersionRangeTests
{
    [Theory]
    [InlineData("[1.0,2.0)", "1.0.0", true)]
    [InlineData("[1.0,2.0)", "1.9.9", true)]
    [InlineData("[1.0,2.0)", "2.0.0", false)]
    [InlineData("[1.0,2.0)", "0.9.0", false)]
    [InlineData("(1.0,2.0]", "1.0.0", false)]
    [InlineData("(1.0,2.0]", "2.0.0", true)]
    [InlineData("[1.2,)", "1.1.9", false)]
    [InlineData("[1.2,)", "7.0.0", true)]
    [InlineData("(,2.0)", "1.5.0", true)]
    [InlineData("(,2.0)", "2.0.0", false)]
    [InlineData("[1.0]", "1.0.0", true)]
    [InlineData("[1.0]", "1.0.1", false)]
    [InlineData("1.0", "1.0.0", true)]
    [InlineData("1.0", "3.0.0", true)]
    [InlineData("1.1", "1.0.5", false)]
    [InlineData(" [ 1 , 2 ) ", "1.5.0", true)]
    public void A_range_includes_exactly_the_versions_its_notation_says(string range, string version, bool included)
    {
        Assert.True(SdkVersionRange.TryParse(range, out var parsed, out var error), error);
        Assert.Equal(included, parsed.Includes(Version.Parse(version)));
    }

    [Fact]
    public void A_two_part_version_is_the_same_as_its_three_part_form()
    {
        Assert.True(SdkVersionRange.TryParse("[1.0,2.0)", out var range, out _));
        Assert.True(range.Includes(new Version(1, 0)));
        Assert.False(range.Includes(new Version(2, 0)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("one")]
    [InlineData("[1.0,2.0")]
    [InlineData("[1.0,2.0,3.0)")]
    [InlineData("[,)")]
    [InlineData("[2.0,1.0)")]
    [InlineData("[1.0,1.0)")]
    [InlineData("(1.0)")]
    [InlineData("[,2.0)")]
    [InlineData("[1.0,2.x)")]
    [InlineData("1.2.3.4")]
    public void A_malformed_range_is_refused_with_a_reason(string range)
    {
        Assert.False(SdkVersionRange.TryParse(range, out _, out var error));
        Assert.False(string.IsNullOrWhiteSpace(error));
    }
}
