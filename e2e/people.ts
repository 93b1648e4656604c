/** The fixture people of the README's table with the answers a person would expect, written out independently of mock-api/. */
export const people = [
  { name: 'Asha Verma', mobile: '9876543210', answer: 'Fully vaccinated', status: 'FULLY_VACCINATED', doses: 2 },
  {
    name: 'Ravi Kumar',
    mobile: '9123456780',
    answer: 'Partially vaccinated',
    status: 'PARTIALLY_VACCINATED',
    doses: 1,
  },
  { name: 'Meena Iyer', mobile: '9988776655', answer: 'Not vaccinated', status: 'NOT_VACCINATED', doses: 0 },
  { name: 'Suresh Patil', mobile: '9000000001', answer: 'Fully vaccinated', status: 'FULLY_VACCINATED', doses: 3 },
  {
    name: 'Kavita Patil',
    mobile: '9000000001',
    answer: 'Partially vaccinated',
    status: 'PARTIALLY_VACCINATED',
    doses: 1,
  },
  { name: 'सुनीता देवी', mobile: '9012345678', answer: 'Fully vaccinated', status: 'FULLY_VACCINATED', doses: 1 },
  {
    name: 'Farhan Ali',
    mobile: '9811122233',
    answer: 'Partially vaccinated',
    status: 'PARTIALLY_VACCINATED',
    doses: 2,
  },
] as const;
