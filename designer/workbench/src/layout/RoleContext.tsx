import { createContext, useContext } from 'react';

/** The role the user works as now ('' = all their roles); views and buttons narrow to it. */
export const RoleContext = createContext<{ role: string; setRole(role: string): void }>({ role: '', setRole: () => undefined });

export const useActiveRole = () => useContext(RoleContext);
