namespace SocialPrescribing.Documents.Tests;

public sealed class DocumentRendererTests : IDisposable
{
    private readonly TemporaryTemplateFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void An_unknown_template_is_refused_as_unknown()
    {
        var renderer = Documents.Renderer(RepositoryRoot.TemplateDirectory);

        var error = Assert.Throws<UnknownDocumentTemplateException>(() => renderer.Render("discharge-letter", "en", Model("en")));

        Assert.Equal("discharge-letter", error.Template);
    }

    [Theory]
    [InlineData("de")]
    [InlineData("EN")]
    [InlineData("")]
    public void An_unsupported_language_is_refused_as_unsupported(string lang)
    {
        var renderer = Documents.Renderer(RepositoryRoot.TemplateDirectory);

        var error = Assert.Throws<UnsupportedDocumentLanguageException>(() => renderer.Render("plan-summary", lang, Model("en")));

        Assert.Equal(lang, error.Language);
    }

    [Fact]
    public void A_model_built_for_another_language_is_refused()
    {
        var renderer = Documents.Renderer(RepositoryRoot.TemplateDirectory);

        Assert.Throws<ArgumentException>(() => renderer.Render("plan-summary", "fr", Model("en")));
    }

    [Theory]
    [InlineData("{{ client.given_nme }}")]
    [InlineData("{{ clent.given_name }}")]
    [InlineData("{{ for goal in goal }}{{ goal }}{{ end }}")]
    public void A_misspelled_name_in_a_template_fails_the_render(string body)
    {
        var error = Assert.Throws<DocumentRenderException>(() => RenderWith(body));

        Assert.Equal("letter", error.Template);
        Assert.Equal("en", error.Language);
    }

    [Fact]
    public void A_runaway_loop_is_stopped()
    {
        Assert.Throws<DocumentRenderException>(() => RenderWith("{{ for i in 1..100000 }}.{{ end }}"));
    }

    [Fact]
    public void Runaway_recursion_is_stopped()
    {
        Assert.Throws<DocumentRenderException>(() => RenderWith("{{ func again\n again\nend\nagain }}"));
    }

    [Fact]
    public void A_document_larger_than_the_output_limit_is_stopped()
    {
        var options = new DocumentOptions { OutputLimit = 100 };

        Assert.Throws<DocumentRenderException>(() => RenderWith("{{ for i in 1..50 }}{{ client.given_name }}{{ end }}", options));
    }

    [Fact]
    public void A_template_cannot_include_files()
    {
        Assert.Throws<DocumentRenderException>(() => RenderWith("{{ include 'plan-summary.en.html' }}"));
    }

    [Fact]
    public void A_template_within_the_limits_renders()
    {
        var html = RenderWith("{{ for i in 1..3 }}<b>{{ client.given_name }}</b>{{ end }}");

        Assert.Equal("<b>Margaret</b><b>Margaret</b><b>Margaret</b>", html);
    }

    private static DocumentModel Model(string lang) =>
        DocumentModelBuilder.Build(SampleJourneys.Tenant, SampleJourneys.JourneyId, SampleJourneys.English(), lang, SampleJourneys.Now);

    private string RenderWith(string body, DocumentOptions? options = null)
    {
        _folder.WithEveryLanguage("letter", body);
        options ??= new DocumentOptions();
        options.TemplateDirectory = _folder.Path;
        return Documents.Renderer(options).Render("letter", "en", Model("en"));
    }
}
