import { createContext } from 'react';

/**
 * Departments a picker shows but does not offer, with the reason shown beside their names (DSP-3: 加派
 * does not offer departments already handling the ticket). A dialog provides them; a department picker
 * uses them when its uiSchema says `"ui:options": { "taken": "openTasks" }`.
 */
export const TakenDepartmentsContext = createContext<ReadonlyMap<string, string> | null>(null);
