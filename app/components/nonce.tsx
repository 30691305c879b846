import { createContext, useContext } from "react";

// The CSP nonce for this response: set on the server, read by <Scripts> in the root layout.
const NonceContext = createContext<string | undefined>(undefined);
export const NonceProvider = NonceContext.Provider;
export const useNonce = () => useContext(NonceContext);
