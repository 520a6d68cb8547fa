namespace Contoso.Rides.FakePartner;

/// <summary>The fake's configuration, section <c>FakePartner</c>.</summary>
internal sealed class FakePartnerOptions
{
    public const string SectionName = "FakePartner";

    /// <summary>The API keys accepted, one account each; any other key gets 401. Default: <c>demo-key-ab</c> and <c>demo-key-on</c>.</summary>
    public List<string> ApiKeys { get; set; } = [];

    /// <summary>How every account is answered until told otherwise. Default: <see cref="FakeBehaviour.Normal"/>.</summary>
    public FakeBehaviour Behaviour { get; set; } = FakeBehaviour.Normal;

    /// <summary>How long a <see cref="FakeBehaviour.Slow"/> answer takes. Default: 30 seconds.</summary>
    public TimeSpan SlowDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The keys accepted: <see cref="ApiKeys"/>, or the demo keys when none is configured.</summary>
    public IReadOnlyList<string> AcceptedKeys => ApiKeys.Count > 0 ? ApiKeys : ["demo-key-ab", "demo-key-on"];
}
