namespace SocialPrescribing.Documents.Tests;

public sealed class DocumentTemplateCatalogTests : IDisposable
{
    private const string Valid = "<p>{{ client.given_name }}</p>\n";

    private readonly TemporaryTemplateFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_template_with_a_syntax_error_stops_loading_naming_its_file_and_line()
    {
        _folder
            .With("letter.en.html", "<!DOCTYPE html>\n<p>Hello</p>\n<ul>{{ for goal in }}<li>{{ goal }}</li>{{ end }}</ul>\n")
            .With("letter.fr.html", Valid);

        var error = Assert.Throws<DocumentTemplateException>(() => Documents.Catalog(_folder.Path));

        var broken = Path.Combine(_folder.Path, "letter.en.html");
        Assert.Contains(broken + "(3,", error.Message);
        Assert.StartsWith(broken + "(3,", error.Errors[0]);
        Assert.All(error.Errors, line => Assert.StartsWith(broken + "(", line));
    }

    [Fact]
    public void Every_broken_template_is_reported_at_once()
    {
        _folder
            .With("letter.en.html", "{{ if }}\n")
            .With("letter.fr.html", "\n\n{{ end }}\n");

        var error = Assert.Throws<DocumentTemplateException>(() => Documents.Catalog(_folder.Path));

        Assert.Contains(error.Errors, line => line.StartsWith(Path.Combine(_folder.Path, "letter.en.html") + "(1,", StringComparison.Ordinal));
        Assert.Contains(error.Errors, line => line.StartsWith(Path.Combine(_folder.Path, "letter.fr.html") + "(3,", StringComparison.Ordinal));
    }

    [Fact]
    public void A_template_missing_a_language_stops_loading()
    {
        _folder.With("letter.en.html", Valid);

        var error = Assert.Throws<DocumentTemplateException>(() => Documents.Catalog(_folder.Path));

        Assert.Contains(Path.Combine(_folder.Path, "letter.fr.html"), error.Message);
    }

    [Fact]
    public void A_template_in_an_unsupported_language_stops_loading()
    {
        _folder.WithEveryLanguage("letter", Valid).With("letter.de.html", Valid);

        var error = Assert.Throws<DocumentTemplateException>(() => Documents.Catalog(_folder.Path));

        Assert.Contains(Path.Combine(_folder.Path, "letter.de.html"), error.Message);
    }

    [Fact]
    public void A_misnamed_template_file_stops_loading()
    {
        _folder.WithEveryLanguage("letter", Valid).With("Letter_Two.en.html", Valid);

        var error = Assert.Throws<DocumentTemplateException>(() => Documents.Catalog(_folder.Path));

        Assert.Contains(Path.Combine(_folder.Path, "Letter_Two.en.html"), error.Message);
    }

    [Fact]
    public void A_missing_template_folder_stops_loading()
    {
        var missing = Path.Combine(_folder.Path, "nowhere");

        var error = Assert.Throws<DocumentTemplateException>(() => Documents.Catalog(missing));

        Assert.Contains(missing, error.Message);
    }

    [Fact]
    public void An_empty_template_folder_stops_loading()
    {
        Assert.Throws<DocumentTemplateException>(() => Documents.Catalog(_folder.Path));
    }

    [Fact]
    public void Files_that_are_not_templates_are_ignored()
    {
        _folder.WithEveryLanguage("letter", Valid).With("README.md", "{{ not a template");

        var catalog = Documents.Catalog(_folder.Path);

        Assert.Equal(["letter"], catalog.Templates);
    }

    [Fact]
    public void The_repository_templates_parse_cleanly()
    {
        var catalog = Documents.Catalog(RepositoryRoot.TemplateDirectory);

        Assert.Equal(["plan-summary", "referral-acknowledgement", "referrer-discharge", "social-prescription"], catalog.Templates);
        Assert.Equal(["en", "fr"], catalog.Languages);
        Assert.True(catalog.IsKnown("plan-summary"));
        Assert.True(catalog.IsKnown("referral-acknowledgement"));
        Assert.False(catalog.IsKnown("discharge-letter"));
        Assert.False(catalog.IsKnown(null));
    }

    [Fact]
    public void By_default_templates_are_read_from_next_to_the_binaries()
    {
        var options = new DocumentOptions();

        var catalog = Documents.Catalog(options);

        Assert.Equal(Path.Combine(AppContext.BaseDirectory, "templates", "documents"), options.TemplateDirectory);
        Assert.Equal(options.TemplateDirectory, catalog.TemplateDirectory);
        Assert.Equal(Documents.Catalog(RepositoryRoot.TemplateDirectory).Templates, catalog.Templates);
    }

    [Fact]
    public void A_relative_template_folder_is_taken_from_the_binaries_folder()
    {
        var catalog = Documents.Catalog(Path.Combine("templates", "documents"));

        Assert.Equal(Path.Combine(AppContext.BaseDirectory, "templates", "documents"), catalog.TemplateDirectory);
    }
}
