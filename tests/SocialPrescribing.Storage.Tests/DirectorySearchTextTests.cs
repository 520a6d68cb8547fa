namespace SocialPrescribing.Storage.Tests;

public sealed class DirectorySearchTextTests
{
    [Theory]
    [InlineData("Théâtre d'été", "theatre d ete")]
    [InlineData("  CAFÉ-rencontre, Saint-Jérôme!  ", "cafe rencontre saint jerome")]
    [InlineData("Øresund straße", "øresund straße")]
    [InlineData("50+ fitness", "50 fitness")]
    [InlineData("¡¿!?", "")]
    public void Text_is_folded_to_lower_case_letters_without_accents_and_digits(string text, string folded)
    {
        Assert.Equal(folded, DirectorySearchText.Fold(text));
    }

    [Fact]
    public void A_search_takes_its_distinct_words_at_most_twelve_each_cut_to_forty_characters()
    {
        var words = DirectorySearchText.Words(string.Join(' ', Enumerable.Range(0, 20).Select(i => $"w{i}")) + " w0 " + new string('x', 60));

        Assert.Equal(DirectorySearchText.MaxWords, words.Count);
        Assert.Equal("w0", words[0]);
        Assert.Equal(new string('x', 40), DirectorySearchText.Words(new string('x', 60)).Single());
        Assert.Empty(DirectorySearchText.Words("  ,; "));
        Assert.Empty(DirectorySearchText.Words(null));
    }
}
