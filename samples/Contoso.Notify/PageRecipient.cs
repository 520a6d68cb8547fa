namespace Contoso.Notify;

/// <summary>Who a page is for, as Contoso Notify takes it.</summary>
/// <param name="Id">The supervisor's user id in the program.</param>
/// <param name="Name">Their name.</param>
/// <param name="Email">Their e-mail address, when the program has one.</param>
public sealed record PageRecipient(string Id, string Name, string? Email);
