namespace CohortBot.Discord.Wire;

/// <summary>The body of <c>POST /interactions/{id}/{token}/callback</c>: a callback type and its data.</summary>
public sealed record InteractionResponse<TData>(InteractionCallbackType Type, TData? Data)
    where TData : class;
