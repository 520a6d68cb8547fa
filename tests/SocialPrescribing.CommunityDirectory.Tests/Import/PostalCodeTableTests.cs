using SocialPrescribing.CommunityDirectory.Import;

namespace SocialPrescribing.CommunityDirectory.Tests.Import;

public sealed class PostalCodeTableTests
{
    [Fact]
    public void Rows_read_in_any_column_order_and_those_at_fault_are_named()
    {
        var (codes, rejections) = PostalCodeTable.Read(new StringReader(
            "Longitude,CODE,latitude,place\n-113.49,t5j 2r7,53.54,Edmonton\n-113.5,T5K,91,x\n,T5L,53.5,y\n-113.5,T5M,53.5,first\n-113.6,T5M,53.6,again\n"));

        Assert.Equal([new PostalCode("T5J2R7", 53.54, -113.49), new PostalCode("T5M", 53.6, -113.6)], codes);
        Assert.Equal([(1, "/latitude"), (2, "/longitude")], rejections.Select(r => (r.Index, r.Field)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("code,latitude\nT5J,53\n")]
    public void A_table_without_the_three_columns_is_refused(string csv) =>
        Assert.Throws<HsdsFormatException>(() => PostalCodeTable.Read(new StringReader(csv)));

    [Theory]
    [InlineData("T5J 2R7", "T5J")]
    [InlineData("t5j2r7", "T5J")]
    [InlineData("T5J", null)]
    [InlineData("90210", null)]
    public void A_canadian_postal_code_has_a_forward_sortation_area(string code, string? area) =>
        Assert.Equal(area, PostalCodeTable.ForwardSortationArea(code));
}
